export interface ProviderInfo { uuid: string; name: string; icon?: string; rdns: string }
export declare function discover(timeout?: number): Promise<{ info: ProviderInfo; provider: any }[]>;
export declare function client(provider: any): { accounts(): Promise<string[]>; chainId(): Promise<number>; sendTransaction(tx: object): Promise<string>; onAccountsChanged(fn: (a: string[]) => void): void };
