/**
 * Alarm tones made with Web Audio: no sound file to load or cache. Browsers start audio only
 * after the person has used the page; staff have signed in by then, and until then the
 * on-screen alert carries the news alone. One audio context serves every alarm on the page.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (!AudioContextClass) return null;
  context ??= new AudioContextClass();
  if (context.state === 'suspended') void context.resume();
  return context;
}

function beep(sound: AudioContext, at: number, frequency: number, seconds: number): void {
  const oscillator = sound.createOscillator();
  const gain = sound.createGain();
  oscillator.type = 'square';
  oscillator.frequency.value = frequency;
  gain.gain.value = 0.12;
  oscillator.connect(gain).connect(sound.destination);
  oscillator.start(at);
  oscillator.stop(at + seconds);
}

/** A short two-tone burst, once: an officer's emergency on the unit board. */
export function soundAlarm(): void {
  try {
    const sound = audio();
    if (!sound) return;
    for (let i = 0; i < 6; i += 1) beep(sound, sound.currentTime + i * 0.25, i % 2 === 0 ? 880 : 660, 0.22);
  } catch {
    // No audio device: the visible alert remains.
  }
}

/** Two short beeps every two seconds until the returned function stops them: a P1 waiting. */
export function startAlarmTone(): () => void {
  const ring = () => {
    try {
      const sound = audio();
      if (!sound) return;
      beep(sound, sound.currentTime, 880, 0.18);
      beep(sound, sound.currentTime + 0.3, 880, 0.18);
    } catch {
      // No audio device: the visible alert remains.
    }
  };
  ring();
  const timer = window.setInterval(ring, 2000);
  return () => window.clearInterval(timer);
}
