// The runner page's entry (index.html): the page API on window.twinbench, and the runner.
import { engine, installApi } from '../../app';
import { mountRunner } from './runner';

installApi(engine());
mountRunner(new URLSearchParams(window.location.search));
