#include <napi.h>
uint32_t crc32c_sw(uint32_t crc, const uint8_t *buf, size_t len);
Napi::Value Calculate(const Napi::CallbackInfo &info) {
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint32_t init = info.Length() > 1 ? info[1].As<Napi::Number>().Uint32Value() : 0;
  return Napi::Number::New(info.Env(), crc32c_sw(init, buf.Data(), buf.Length()));
}
Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("calculate", Napi::Function::New(env, Calculate));
  return exports;
}
NODE_API_MODULE(crc32c, Init)
