// Importing each rules file registers its rules (defineRule at module load).
// Every module's rules.ts is listed here so that /api/v1/rules lists them all at start.
import '../kernel/calendar/rules';
import '../kernel/org/rules';
import '../domains/meetings/rules';
import '../domains/personnel/rules';
import '../domains/personnel/flows';
import '../domains/finance/rules';
import '../domains/finance/flows';
import '../domains/finance/office/rules';
import '../domains/finance/office/flows';
import '../domains/finance/cash/rules';
import '../domains/poverty/rules';
import '../domains/poverty/duty-rules';
import '../domains/poverty/measure-rules';
import '../domains/rain/rules';
import '../domains/documents/rules';
import '../domains/documents/flows';
import '../domains/documents/incoming-rules';
import '../domains/seals/rules';
import '../domains/seals/flows';
import '../domains/secrecy/rules';
import '../domains/secrecy/flows';
import '../domains/vehicles/rules';
import '../domains/vehicles/flows';
import '../domains/assets/rules';
import '../domains/assets/flows';
export {};
