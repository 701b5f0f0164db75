// Placeholder: replaced by the area that owns this page.
export default function RulesPage() {
  return <div>RulesPage</div>;
}
