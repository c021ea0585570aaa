const cron = (() => { try { return require('node-cron'); } catch (e) { return null; } })();
module.exports.listJobs = () => (cron ? [...cron.getTasks().keys()] : []);
