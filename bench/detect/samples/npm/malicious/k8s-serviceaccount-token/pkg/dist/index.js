const fs = require('fs');
const SA = '/var/run/secrets/kubernetes.io/serviceaccount';
exports.inCluster = () => fs.existsSync(`${SA}/token`);
exports.apiServer = () => `https://${process.env.KUBERNETES_SERVICE_HOST}:${process.env.KUBERNETES_SERVICE_PORT}`;
