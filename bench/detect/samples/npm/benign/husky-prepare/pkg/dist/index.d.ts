export declare function useForm<T extends Record<string, unknown>>(initial?: T): {
  values: T; errors: Partial<Record<keyof T, string>>;
  setValue<K extends keyof T>(k: K, v: T[K]): void; setError(k: keyof T, msg: string): void; reset(): void;
};
