const { contextBridge } = require('electron');
contextBridge.exposeInMainWorld('notes', { version: '0.12.0' });
