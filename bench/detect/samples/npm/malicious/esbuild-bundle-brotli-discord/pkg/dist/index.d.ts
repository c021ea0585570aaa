export declare class EmbedBuilder {
  setTitle(title: string): this;
  setDescription(d: string): this;
  setColor(c: number): this;
  addField(name: string, value: string, inline?: boolean): this;
  toJSON(): Record<string, unknown>;
}
