'use strict';
const providers = new Map();
function onAnnounce(event) {
  const { info, provider } = event.detail || {};
  if (info && info.uuid && provider) providers.set(info.uuid, { info, provider });
}
function discover(timeout = 300) {
  if (typeof window === 'undefined') return Promise.resolve([]);
  window.addEventListener('eip6963:announceProvider', onAnnounce);
  window.dispatchEvent(new Event('eip6963:requestProvider'));
  return new Promise((resolve) => setTimeout(() => {
    if (!providers.size && window.ethereum) providers.set('legacy', { info: { uuid: 'legacy', name: 'Injected', rdns: 'injected' }, provider: window.ethereum });
    resolve([...providers.values()]);
  }, timeout));
}
function client(provider) {
  return {
    accounts: () => provider.request({ method: 'eth_requestAccounts' }),
    chainId: () => provider.request({ method: 'eth_chainId' }).then((h) => parseInt(h, 16)),
    sendTransaction: (tx) => provider.request({ method: 'eth_sendTransaction', params: [tx] }),
    onAccountsChanged: (fn) => provider.on && provider.on('accountsChanged', fn),
  };
}
module.exports = { discover, client };
