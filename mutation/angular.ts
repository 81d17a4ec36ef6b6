// The heavy part of the Node test bootstrap: a DOM first, the JIT compiler for the
// `@Injectable`s, Angular's browser testing platform (zoneless, as in `ng test`), and the
// Angular packages the specs import, so that loading them is done once per worker.
import './dom';
import '@angular/compiler';
import { getTestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import '@angular/common/http';
import '@angular/common/http/testing';
import 'rxjs';

getTestBed().initTestEnvironment(BrowserTestingModule, platformBrowserTesting(), {
  teardown: { destroyAfterEach: true },
});
