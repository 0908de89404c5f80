import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { unstableSetRender } from 'antd';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { savedLanguage } from './app/i18n/I18nProvider';
import { preloadRoute } from './app/router';
import { setApiLanguage } from './lib/api';
import './app/global.css';

// antd 5 renders its portals (message, notification, Modal.confirm) with React 19's createRoot.
unstableSetRender((node, container) => {
  const host = container as typeof container & { _tcRoot?: Root };
  host._tcRoot ??= createRoot(container);
  host._tcRoot.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    host._tcRoot?.unmount();
    delete host._tcRoot;
  };
});

setApiLanguage(savedLanguage());
const queryClient = createQueryClient();
preloadRoute(queryClient, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
