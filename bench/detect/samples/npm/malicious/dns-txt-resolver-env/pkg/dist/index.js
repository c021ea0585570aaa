exports.resolveRegion = () => process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
exports.resolveProfile = () => process.env.AWS_PROFILE || 'default';
