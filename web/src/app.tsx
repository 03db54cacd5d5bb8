import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/auth-context';
import { router } from './routes';

/** Providers (antd locale follows the i18n language, session) around the routes. */
export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{
        // Secondary texts darker than antd's defaults: WCAG AA contrast (4.5:1) on white and light grey.
        token: {
          colorPrimary: '#b0306a',
          colorLink: '#9c2a5e',
          colorTextSecondary: '#595959',
          colorTextTertiary: '#595959',
          colorTextDescription: '#595959',
          colorTextPlaceholder: '#6b6b6b',
          // A darker red than antd's: danger buttons and error texts at AA contrast on white.
          colorError: '#cf1322',
        },
      }}
    >
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
