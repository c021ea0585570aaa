export default function Page() {
  return <main className="p-8"><h1>Ship your SaaS this weekend</h1></main>;
}
