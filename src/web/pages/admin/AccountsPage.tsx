// Placeholder: replaced by the area that owns this page.
export default function AccountsPage() {
  return <div>AccountsPage</div>;
}
