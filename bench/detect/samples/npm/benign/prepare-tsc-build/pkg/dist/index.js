"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventBus = void 0;
class EventBus {
    constructor() { this.handlers = {}; }
    on(name, h) {
        var _a;
        ((_a = this.handlers)[name] || (_a[name] = [])).push(h);
        return () => { this.handlers[name] = this.handlers[name].filter((x) => x !== h); };
    }
    emit(name, payload) { for (const h of this.handlers[name] || []) h(payload); }
}
exports.EventBus = EventBus;
