class ServerlessOfflineSSM {
  constructor(serverless, options) {
    this.serverless = serverless;
    this.options = options;
    this.hooks = { 'before:offline:start:init': () => this.apply() };
  }
  apply() {
    const ssm = (this.serverless.service.custom && this.serverless.service.custom['serverless-offline-ssm']) || {};
    Object.assign(process.env, ssm.ssm || {});
  }
}
module.exports = ServerlessOfflineSSM;
