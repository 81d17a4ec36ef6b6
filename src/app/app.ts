import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { UpdateRequiredScreen } from './features/version/update-required-screen';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, UpdateRequiredScreen],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The update screen sits at the root so a 426 blocks every page, sign-in included.
  template: '<router-outlet /><app-update-required />',
})
export class App {}
