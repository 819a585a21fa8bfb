import { contextBridge, ipcRenderer } from 'electron';
import { buildDeskApi } from './desk-api';

contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
