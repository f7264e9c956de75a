export { collectInventory } from './inventory';
