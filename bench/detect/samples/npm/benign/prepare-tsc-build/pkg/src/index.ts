type Handler<T> = (payload: T) => void;
export class EventBus<Events extends Record<string, unknown>> {
  private handlers: { [K in keyof Events]?: Handler<Events[K]>[] } = {};
  on<K extends keyof Events>(name: K, h: Handler<Events[K]>): () => void {
    (this.handlers[name] ||= []).push(h);
    return () => { this.handlers[name] = this.handlers[name]!.filter((x) => x !== h); };
  }
  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const h of this.handlers[name] || []) h(payload);
  }
}
