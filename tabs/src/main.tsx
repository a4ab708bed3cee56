import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { detectHost } from './teams/host';

void detectHost().then((host) => {
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App host={host} />
      </StrictMode>
    );
  }
});
