// Placeholder: replaced by the area that owns this page.
export default function Workbench() {
  return <div>Workbench</div>;
}
