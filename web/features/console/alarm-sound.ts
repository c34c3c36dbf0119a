/**
 * The console's alarm tone: two short beeps every two seconds through Web Audio (no sound file
 * to load, nothing to cache). Browsers start audio only after the person has used the page;
 * an operator has signed in by then.
 */
export function startAlarmTone(): () => void {
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (!AudioContextClass) return () => undefined;
  const context = new AudioContextClass();
  const beep = (delay: number) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 880;
    gain.gain.value = 0.15;
    oscillator.connect(gain).connect(context.destination);
    const start = context.currentTime + delay;
    oscillator.start(start);
    oscillator.stop(start + 0.18);
  };
  const ring = () => {
    void context.resume();
    beep(0);
    beep(0.3);
  };
  ring();
  const timer = window.setInterval(ring, 2000);
  return () => {
    window.clearInterval(timer);
    void context.close();
  };
}
