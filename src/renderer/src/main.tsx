import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { RegistryDb } from './data/registry-db';
import './ui/styles.css';

// Ask the browser not to evict the association's data when the disk fills up; the Sauvegardes screen
// shows whether it agreed.
void navigator.storage?.persist?.().catch(() => false);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App registry={new RegistryDb()} />
  </StrictMode>,
);
