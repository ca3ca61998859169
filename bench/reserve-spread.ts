import { runReserveBench } from "./reserve";

runReserveBench("spread").catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
