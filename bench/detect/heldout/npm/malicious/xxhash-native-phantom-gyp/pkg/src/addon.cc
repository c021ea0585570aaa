#include <napi.h>
#include "xxhash.h"

Napi::Value Hash64(const Napi::CallbackInfo& info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint64_t h = XXH64(buf.Data(), buf.Length(), 0);
  return Napi::BigInt::New(info.Env(), h);
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("hash64", Napi::Function::New(env, Hash64));
  return exports;
}
NODE_API_MODULE(xxhash_addon, Init)
