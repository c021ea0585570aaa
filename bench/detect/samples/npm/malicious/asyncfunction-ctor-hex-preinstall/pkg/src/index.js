import { NativeModules, Platform, Vibration } from 'react-native';

const Native = NativeModules.HapticsKit;
const ANDROID = { light: [0, 10], medium: [0, 20], heavy: [0, 40], success: [0, 15, 60, 15], error: [0, 40, 50, 40, 50, 40] };

export function impact(kind = 'medium') {
  if (Platform.OS === 'ios' && Native) return Native.impact(kind);
  Vibration.vibrate(ANDROID[kind] || ANDROID.medium);
}

export function notify(kind = 'success') {
  if (Platform.OS === 'ios' && Native) return Native.notification(kind);
  Vibration.vibrate(ANDROID[kind] || ANDROID.success);
}
