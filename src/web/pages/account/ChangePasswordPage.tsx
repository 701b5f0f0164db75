// Placeholder: replaced by the area that owns this page.
export default function ChangePasswordPage() {
  return <div>ChangePasswordPage</div>;
}
