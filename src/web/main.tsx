import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { router } from './router.tsx';
import './theme.css';

dayjs.locale('zh-cn');

/**
 * A government-red header (the selected menu item) with a calm blue for buttons, links and focus
 * rings, so that a focused input never looks like one in error (errors alone are red).
 */
const THEME = {
  token: { colorPrimary: '#1f4e8c', colorLink: '#1f4e8c', borderRadius: 4 },
  components: { Menu: { darkItemSelectedBg: '#b71c1c' } },
};

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={THEME}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
