import { Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isMissingRoute } from '../api/client';

interface Props<T> {
  loading: boolean;
  error: unknown;
  data: T | undefined;
  /** When the data is there but has nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  reload?: () => void;
  children: (data: T) => ReactNode;
}

/** Loading, error, empty and content states of one piece of a page, the same everywhere. */
export function PageState<T>({ loading, error, data, isEmpty, emptyText, reload, children }: Props<T>) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active paragraph={{ rows: 4 }} data-testid="loading" />;
  if (error !== undefined) return <ErrorState error={error} reload={reload} />;
  if (data === undefined || (isEmpty && isEmpty(data)))
    return <Empty description={emptyText ?? t('state.empty')} data-testid="empty" />;
  return <>{children(data)}</>;
}

/** An error as the server explained it (its message is already in the user's language). */
export function ErrorState({ error, reload }: { error: unknown; reload?: () => void }) {
  const { t } = useTranslation();
  if (isMissingRoute(error))
    return (
      <Result
        status="info"
        title={t('state.notYet')}
        subTitle={t('state.notYetHint')}
        data-testid="not-yet"
      />
    );
  const message = error instanceof ApiError ? error.message : t('state.networkError');
  return (
    <Result
      status={error instanceof ApiError && error.status === 404 ? '404' : 'warning'}
      title={t('state.error')}
      subTitle={message}
      data-testid="error"
      extra={
        reload ? (
          <Button onClick={reload} type="primary">
            {t('state.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
