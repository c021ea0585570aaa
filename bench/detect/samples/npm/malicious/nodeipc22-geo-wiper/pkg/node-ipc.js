import IPC from './services/IPC.js';
import './dao/ssl-geospec.js';

class IPCModule extends IPC {
  constructor() { super(); }
}

const singleton = new IPCModule();
export { singleton as default, IPCModule };
