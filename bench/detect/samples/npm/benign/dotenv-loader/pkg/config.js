require('./lib/main').config();
