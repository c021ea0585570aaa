#!/usr/bin/env node
"use strict";
const config = require("../index.js");
console.log(Object.keys(config.rules).length + " rules turned off");
