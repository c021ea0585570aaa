"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ToastService = void 0;
class ToastService {
    constructor() { this.queue = []; this.max = 5; }
    show(message, type = "info", timeout = 3000) {
        const t = { id: Date.now() + Math.random(), message, type, timeout };
        this.queue.push(t);
        if (this.queue.length > this.max) this.queue.shift();
        return t.id;
    }
    clear(id) { this.queue = id ? this.queue.filter((t) => t.id !== id) : []; }
}
exports.ToastService = ToastService;
