import { Hono } from "hono";

const app = new Hono();
app.get("/", (c) => c.json({ ok: true }));
app.get("/hello/:name", (c) => c.text(`Hello, ${c.req.param("name")}!`));

export default { port: Number(process.env.PORT ?? 3000), fetch: app.fetch };
