// Angular's JIT compiler, first of all: the network layer's @Injectable classes are compiled
// when their modules load, so this import must come before any of them (main.ts imports it
// first).
import '@angular/compiler';
