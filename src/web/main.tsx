// Entry of the staff workspace (工作台): Chinese locale, theme, router under /app.
import { App as AntApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import App from './App.tsx';
import { FeedbackBinder } from './lib/feedback.ts';
import { SessionProvider } from './session.tsx';
import './styles.css';

dayjs.locale('zh-cn');

// antd ships its locale files without "type": "module", so TypeScript (NodeNext) sees the CommonJS
// module object while Vite hands over the locale itself; accept both.
const zhCN = ('default' in zhCNModule ? zhCNModule.default : zhCNModule) as ConfigProviderProps['locale'];

const theme = {
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
    fontFamily:
      '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <FeedbackBinder />
        <BrowserRouter basename="/app">
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
