// A happy-dom window as the globals (`document.baseURI`, `location.origin`, `navigator.onLine`,
// `window.URL`), before Angular loads. Imported first by test-env.ts.
import { GlobalRegistrator } from '@happy-dom/global-registrator';

GlobalRegistrator.register({ url: 'http://localhost:9876/', width: 1024, height: 768 });
