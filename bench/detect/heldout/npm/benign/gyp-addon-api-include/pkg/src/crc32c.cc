#include <napi.h>
static uint32_t crc32c(const uint8_t* p, size_t n) {
  uint32_t c = ~0u;
  while (n--) { c ^= *p++; for (int k = 0; k < 8; k++) c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1; }
  return ~c;
}
Napi::Value Calc(const Napi::CallbackInfo& info) {
  auto b = info[0].As<Napi::Buffer<uint8_t>>();
  return Napi::Number::New(info.Env(), crc32c(b.Data(), b.Length()));
}
Napi::Object Init(Napi::Env env, Napi::Object exports) { exports.Set("calculate", Napi::Function::New(env, Calc)); return exports; }
NODE_API_MODULE(crc32c, Init)
