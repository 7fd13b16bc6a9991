import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles/app.css';
import { App } from './App.tsx';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html must contain #root');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
