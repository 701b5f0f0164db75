// A second server process's timer loop, for the multi-process test: fires due timers on the
// database named by DATABASE_URL until none are left, then prints how many it fired.
import { openDatabase } from '../../src/kernel/db';
import { fireDueTimers } from '../../src/kernel/flow/timers';
import { systemClock } from '../../src/kernel/time';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 4 });
let total = 0;
let idle = 0;
while (idle < 3) {
  const n = await fireDueTimers(database, systemClock, 5);
  total += n;
  idle = n === 0 ? idle + 1 : 0;
}
console.log(JSON.stringify({ fired: total }));
await database.close();
