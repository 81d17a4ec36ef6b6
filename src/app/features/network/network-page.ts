import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-network-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Network</h1>`,
})
export class NetworkPage {}
