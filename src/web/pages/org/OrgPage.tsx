// Placeholder: replaced by the area that owns this page.
export default function OrgPage() {
  return <div>OrgPage</div>;
}
