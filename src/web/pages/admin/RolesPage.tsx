// Placeholder: replaced by the area that owns this page.
export default function RolesPage() {
  return <div>RolesPage</div>;
}
