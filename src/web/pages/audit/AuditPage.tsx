// Placeholder: replaced by the area that owns this page.
export default function AuditPage() {
  return <div>AuditPage</div>;
}
