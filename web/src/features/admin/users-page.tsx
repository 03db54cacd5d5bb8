import { App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Role, User } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { PageState } from '../../components/page-state';

const ROLES: Role[] = [
  'administrator',
  'plan_owner',
  'monitoring_lead',
  'reporter',
  'county_office',
  'viewer',
];

interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  regionCode: string;
  departments?: string;
}

/** Users and roles in the administrator's scope: list, create, change role, disable. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useUser();
  const users = useApi<{ users: User[] }>('/api/users');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewUser>();
  const patch = async (user: User, body: Partial<Pick<User, 'role' | 'disabled'>>) => {
    try {
      await api(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body });
      users.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
    }
  };
  const create = async () => {
    const v = await form.validateFields();
    try {
      await api('/api/users', {
        method: 'POST',
        body: {
          username: v.username,
          ...(v.displayName ? { displayName: v.displayName } : {}),
          password: v.password,
          role: v.role,
          regionCode: v.regionCode,
          departments: (v.departments ?? '').split(/[,，、\s]+/).filter(Boolean),
        },
      });
      setOpen(false);
      form.resetFields();
      users.reload();
      void message.success(t('users.created'));
    } catch (e) {
      if (e instanceof ApiError)
        form.setFields(
          e.fields.map((f) => ({
            name: f.field.replace(/^body\./, '') as keyof NewUser,
            errors: [f.message],
          })),
        );
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('users.title')}
        </Typography.Title>
      }
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('users.add')}
        </Button>
      }
    >
      <PageState {...users} isEmpty={(d) => d.users.length === 0}>
        {(d) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={d.users}
            scroll={{ x: 720 }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: t('users.username'), dataIndex: 'username' },
              { title: t('users.displayName'), dataIndex: 'displayName' },
              {
                title: t('users.role'),
                render: (_, u) => (
                  <Select
                    size="small"
                    aria-label={`${t('users.role')} ${u.username}`}
                    value={u.role}
                    disabled={u.id === me.id}
                    style={{ width: 170 }}
                    onChange={(role: Role) => void patch(u, { role })}
                    options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                  />
                ),
              },
              { title: t('users.region'), dataIndex: 'regionCode' },
              {
                title: t('users.departments'),
                render: (_, u) => u.departments.map((x) => <Tag key={x}>{x}</Tag>),
              },
              {
                title: t('users.enabled'),
                render: (_, u) => (
                  <Switch
                    size="small"
                    aria-label={`${t('users.enabled')} ${u.username}`}
                    checked={!u.disabled}
                    disabled={u.id === me.id}
                    onChange={(on) => void patch(u, { disabled: !on })}
                  />
                ),
              },
            ]}
          />
        )}
      </PageState>
      <Modal
        open={open}
        title={t('users.add')}
        onOk={() => void create()}
        onCancel={() => setOpen(false)}
        okText={t('users.save')}
        cancelText={t('users.cancel')}
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'viewer', regionCode: me.regionCode }}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true, min: 2 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.password')}
            rules={[{ required: true, min: 8, message: t('users.passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('users.region')}
            rules={[{ required: true, pattern: /^[0-9]{2,12}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="departments" label={t('users.departments')} extra={t('users.departmentsHint')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
