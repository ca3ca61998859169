import { runReserveBench } from "./reserve";

runReserveBench("hot").catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
