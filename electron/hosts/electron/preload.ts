import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// Runs sandboxed, so it is bundled to CommonJS (dist/preload.cjs) with the contract inlined.
// All logic is in bridge.ts; this file only hands it to the isolated page as window.bdc.
contextBridge.exposeInMainWorld('bdc', createBridge(ipcRenderer));
