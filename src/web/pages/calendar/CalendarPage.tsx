// Placeholder: replaced by the area that owns this page.
export default function CalendarPage() {
  return <div>CalendarPage</div>;
}
